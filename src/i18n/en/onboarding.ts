// English words for first contact: the install welcome, channel introductions, setup and settings.
export const onboarding = {
  'onboarding.welcome.title': '*Hello — Sojusz is here.* 🌿',
  'onboarding.welcome.body':
    'I help your group keep a steady reflective rhythm: a weekly reflection question, a private 30-second check after sessions, a safe place for anonymous case discussions, and supervision reminders.',
  'onboarding.welcome.next': 'One next step: type `/sojusz setup` — two short forms and your group is running.',
  'onboarding.intro.title': '*Hi, I’m Sojusz.*',
  'onboarding.intro.body':
    'I support reflective practice: weekly questions, anonymous cases, supervision reminders. I read nothing here unless I was asked to, and I never share anyone’s private answers.',
  'onboarding.intro.roles':
    'A facilitator can give this channel a role with `/sojusz setup`, or directly: `/reflect schedule #channel friday 09:00`, `/sojusz team case-channel #channel`, `/supervision schedule #channel monday 18:00`.',
} as const;
