// Starts Web Chat. The host says which Direct Line to use: its own (local mode, same origin) or Azure's, with a
// token it obtained server-side so the Direct Line secret never reaches the browser.
(async function () {
  'use strict';

  const status = document.getElementById('status');
  const show = message => {
    status.textContent = message;
    status.hidden = false;
  };

  if (!window.WebChat) {
    show('The Web Chat bundle did not load (lib/botframework-webchat/webchat.js): rebuild the host.');
    return;
  }

  try {
    const response = await fetch('api/directline/token', { method: 'POST' });
    if (!response.ok) {
      throw new Error('the host answered ' + response.status);
    }

    const session = await response.json();
    const domain = session.mode === 'azure' ? session.domain : new URL('v3/directline', document.baseURI).href;

    window.WebChat.renderWebChat(
      {
        directLine: window.WebChat.createDirectLine({ token: session.token, domain, webSocket: true }),
        // Azure's tokens carry the user id themselves; the local channel names it in the session.
        userID: session.mode === 'local' ? session.userId : undefined,
        username: 'You',
        locale: 'en-GB',
        styleOptions: {
          accent: '#7a1f2b',
          botAvatarInitials: 'IB',
          userAvatarInitials: 'You',
          bubbleMaxWidth: 720,
          hideUploadButton: true,
          suggestedActionLayout: 'flow',
          sendBoxTextWrap: true
        }
      },
      document.getElementById('webchat')
    );
  } catch (error) {
    show('Could not start a conversation with ItpBot: ' + error.message + '. Reload the page to try again.');
  }
})();
