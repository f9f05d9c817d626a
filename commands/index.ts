// The registry: every command, form, button and schedule kind the bot has, assembled in one place.
import type { Registry } from '../src/core/registry.js';
import { sojusz } from './sojusz/index.js';
import { openFormAction } from '../src/core/open-form.js';
import { supervision, supervisionActions } from './supervision/index.js';
import { supervisionHome } from '../src/features/supervision/home.js';
import { sealedTextHooks } from '../src/features/supervision/sealed.js';
import { reminderKind } from '../src/features/supervision/reminders.js';
import { seriesKind } from '../src/features/supervision/sessions.js';
import { anonTopicKind } from '../src/features/supervision/anon-later.js';
import { cleanupLaterKind } from '../src/features/privacy/cleanup-later.js';
import { deleteAction } from './sojusz/privacy.js';
import { privacyContributors } from '../src/features/privacy/registry.js';
import { housekeepingKind } from '../src/features/privacy/housekeeping.js';
import { privacyHooks } from '../src/features/privacy/hooks.js';
import { anonReplyButton, anonReplyFormHandler, reflect } from './reflect/index.js';
import { promptHooks } from '../src/features/prompts/home.js';
import { promptScheduleKinds } from '../src/features/prompts/kinds.js';
import { autocheck, autocheckActions, autocheckForm, autocheckTopicForm } from './autocheck.js';
import { guide, guideButton } from './guide.js';
import { autocheckHooks } from '../src/features/autocheck/home.js';
import { onboardingHooks } from '../src/features/onboarding/hooks.js';
import { caseActions, caseCommand, caseForms } from './case.js';
import { setupForms } from './sojusz/setup.js';
import { settingsAction } from './sojusz/settings.js';

export function buildRegistry(): Registry {
  return {
    commands: [sojusz, reflect, autocheck, guide, supervision, caseCommand],
    forms: [autocheckForm, autocheckTopicForm, anonReplyFormHandler, ...caseForms, ...setupForms],
    actions: [openFormAction, guideButton, ...autocheckActions, anonReplyButton, deleteAction, ...supervisionActions, ...caseActions, settingsAction],
    scheduleKinds: [...promptScheduleKinds, housekeepingKind, seriesKind, reminderKind, anonTopicKind, cleanupLaterKind],
    hooks: [onboardingHooks, autocheckHooks, promptHooks, privacyHooks, supervisionHome, sealedTextHooks],
    privacy: privacyContributors(),
  };
}
