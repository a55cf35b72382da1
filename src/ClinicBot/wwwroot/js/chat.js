// Starts (or, after a page refresh, resumes) the visitor's conversation and renders Web Chat into
// #webchat. The token comes from /api/directline/token: the app's own local Direct Line channel, or a
// token from Azure Bot Service in production; the page is the same either way.
(function () {
  'use strict';

  var STORAGE_KEY = 'clinicbot.webchat.v1';
  var COLOR = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i;
  var host = document.getElementById('webchat');
  var status = document.getElementById('webchat-status');
  var connecting = document.getElementById('webchat-connecting');
  var embedded = document.documentElement.classList.contains('embed');
  var store;

  function load() {
    try { return JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || 'null'); } catch (e) { return null; }
  }

  function save(session) {
    try { window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session)); } catch (e) { /* private mode */ }
  }

  function postJson(url, token) {
    var headers = { Accept: 'application/json' };
    if (token) { headers.Authorization = 'Bearer ' + token; }
    return window.fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    });
  }

  // A saved conversation is resumed when its token can still be refreshed; otherwise a new one starts.
  function connect() {
    var saved = load();
    var resume = saved && saved.domain && saved.conversationId && saved.token
      ? postJson(saved.domain + '/tokens/refresh', saved.token).then(function (refreshed) {
        saved.token = refreshed.token;
        saved.resumed = true;
        return saved;
      })
      : Promise.reject(new Error('nothing saved'));

    return resume.catch(function () {
      return postJson('/api/directline/token').then(function (issued) {
        return {
          domain: issued.domain,
          conversationId: issued.conversationId,
          token: issued.token,
          pollingInterval: issued.pollingInterval,
          webSocket: issued.webSocket === true,
          resumed: false
        };
      });
    }).then(function (session) {
      save(stored(session, session.conversationId, session.token));
      return session;
    });
  }

  function stored(session, conversationId, token) {
    return { domain: session.domain, conversationId: conversationId, token: token, pollingInterval: session.pollingInterval, webSocket: session.webSocket };
  }

  function styleOptions() {
    var accent = new URLSearchParams(window.location.search).get('accent');
    var brand = accent && COLOR.test(accent) ? accent : '#135e74';
    return {
      accent: brand,
      bubbleFromUserBackground: brand,
      bubbleFromUserTextColor: '#ffffff',
      bubbleFromUserBorderRadius: 12,
      bubbleBorderRadius: 12,
      bubbleBackground: '#eef4f6',
      bubbleBorderWidth: 0,
      sendBoxButtonColor: brand,
      hideUploadButton: true,
      primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, "Liberation Sans", sans-serif',
      rootHeight: '100%',
      sendBoxTextWrap: true,
      suggestedActionLayout: 'flow'
    };
  }

  function start(session) {
    var options = { domain: session.domain, token: session.token, webSocket: session.webSocket === true };
    if (session.pollingInterval) { options.pollingInterval = session.pollingInterval; }
    if (session.resumed) { options.conversationId = session.conversationId; }
    var directLine = window.WebChat.createDirectLine(options);

    // Direct Line refreshes its token every 15 minutes; keep the newest for the next page load.
    function remember() {
      save(stored(session, directLine.conversationId || session.conversationId, directLine.token || session.token));
    }
    window.setInterval(remember, 60000);
    window.addEventListener('pagehide', remember);

    store = window.WebChat.createStore({}, holdMessagesUntilConnected);
    window.WebChat.renderWebChat({ directLine: directLine, store: store, locale: 'en-US', styleOptions: styleOptions() }, host);
    host.setAttribute('data-conversation-ready', 'true');
  }

  // What is sent before the connection is online is kept and sent as soon as it is: Web Chat ignores Enter and
  // the send button while connecting, so a message typed at once used to stay unsent; page buttons such as
  // "Book a FREE Call" dispatch their message before the connection may be up.
  var online = false;
  var held = [];
  var submitRequested = false;
  var SENDS = ['WEB_CHAT/SEND_MESSAGE', 'WEB_CHAT/SEND_MESSAGE_BACK', 'WEB_CHAT/SEND_POST_BACK'];

  function holdMessagesUntilConnected() {
    return function (next) {
      return function (action) {
        if (!online && SENDS.indexOf(action.type) >= 0) {
          held.push(action);
          return undefined;
        }
        var result = next(action);
        if (!online && action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
          online = true;
          if (connecting) { connecting.hidden = true; }
          // After the connect saga has finished with this action: dispatching from inside it fails the saga.
          window.setTimeout(sendHeld, 0);
        }
        return result;
      };
    };
  }

  function sendHeld() {
    if (submitRequested) { store.dispatch({ type: 'WEB_CHAT/SUBMIT_SEND_BOX', payload: { method: 'keyboard' } }); }
    held.splice(0).forEach(function (action) { store.dispatch(action); });
  }

  function rememberEarlySubmit(event) {
    if (online) { return; }
    var enter = event.type === 'keydown' && event.key === 'Enter' && !event.shiftKey && event.target === sendBox();
    var button = event.type === 'click' && event.target.closest && event.target.closest('.webchat__send-button');
    if (enter || button) { submitRequested = true; }
  }

  function unavailable() {
    if (connecting) { connecting.hidden = true; }
    if (status) { status.hidden = false; }
  }

  function sendBox() {
    return host.querySelector('[data-id="webchat-sendbox-input"]') || host.querySelector('textarea, input[type="text"]');
  }

  // Buttons such as "Book a FREE Call" say their data-chat-send text in the chat.
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-chat-send]');
    if (!button || !store) { return; }
    store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: button.getAttribute('data-chat-send') } });
    var input = sendBox();
    if (input) { input.focus(); }
  });

  if (embedded && window.parent !== window) {
    // Inside the launcher's frame: Escape closes the launcher; the launcher asks us to focus the send box.
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { window.parent.postMessage({ type: 'clinicbot:close' }, '*'); }
    });
    window.addEventListener('message', function (event) {
      if (event.source === window.parent && event.data && event.data.type === 'clinicbot:focus') {
        var input = sendBox();
        if (input) { input.focus(); }
      }
    });
  }

  if (!host || !window.WebChat) {
    unavailable();
    return;
  }

  host.addEventListener('keydown', rememberEarlySubmit, true);
  host.addEventListener('click', rememberEarlySubmit, true);
  connect().then(start).catch(unavailable);
}());
