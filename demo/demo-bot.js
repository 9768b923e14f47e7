// "Invite the demo bot": in emulator mode the page's local call engine runs the bot (src/calling/engines/local-demo-bot.ts),
// a user of its own that joins this page's group call with a synthetic camera, and leaves when this page's call ends.
const call = document.querySelector('#call');
const button = document.querySelector('#invite-bot');
const status = document.querySelector('#bot-status');

button.addEventListener('click', () => {
  button.disabled = true;
  status.textContent = 'The bot is joining…';
  dispatchEvent(new CustomEvent('acs-demo-bot-invited', { detail: { groupId: call.groupId } }));
});

addEventListener('acs-demo-bot-joined', () => (status.textContent = 'The bot is in the call.'));
addEventListener('acs-demo-bot-failed', (event) => {
  status.textContent = event.detail.message;
  button.disabled = false;
});

call.addEventListener('acs-call-ended', () => {
  dispatchEvent(new CustomEvent('acs-demo-bot-dismissed', { detail: { groupId: call.groupId } }));
  button.disabled = false;
  status.textContent = '';
});
