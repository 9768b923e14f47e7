// "Invite the demo bot": in emulator mode the bot is a peer run by this page (see src/calling/engines/local-demo-bot.ts),
// a user of its own that joins the page's group call with a synthetic camera, and leaves when this page's call ends.
const call = document.querySelector('#call');
const button = document.querySelector('#invite-bot');
const status = document.querySelector('#bot-status');
let bot;

button.addEventListener('click', async () => {
  button.disabled = true;
  status.textContent = 'The bot is joining…';
  try {
    const { inviteDemoBot } = await import('/dist/cdn/acs-demo-bot.js');
    bot = await inviteDemoBot({ groupId: call.groupId });
    status.textContent = 'The bot is in the call.';
  } catch (error) {
    status.textContent = error.message;
    button.disabled = false;
  }
});

call.addEventListener('acs-call-ended', async () => {
  const leaving = bot;
  bot = undefined;
  await leaving?.leave();
  button.disabled = false;
  status.textContent = '';
});
