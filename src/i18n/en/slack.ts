// English words of the Slack adapter: App Home frame, late form answers, the install result pages.
export const slack = {
  'slack.home.title': 'Sojusz — your corner',
  'slack.home.empty': 'Nothing here yet. Type `/sojusz help` in any channel to see what Sojusz can do.',
  'slack.home.refreshed': 'Refreshed whenever you open this tab.',
  'slack.form.late': 'Your form took longer than Slack waits, so it closed before I could check it. Nothing was saved — please open it again.',
  'slack.install.done': 'Sojusz is installed. You can close this tab and go back to Slack.',
  'slack.install.failed': 'The installation did not finish. Please try again from the beginning.',
} as const;
