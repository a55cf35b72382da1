// Starts (or, after a page refresh, resumes) the visitor's conversation and renders Web Chat into
// #webchat. The token comes from /api/directline/token: the app's own local Direct Line channel, or a
// token from Azure Bot Service in production; the page is the same either way.
(function () {
  'use strict';

  var STORAGE_KEY = 'clinicbot.webchat.v1';
  var COLOR = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i;
  var IDLE_DELAY_MS = 300;
  var script = document.currentScript;
  var host = document.getElementById('webchat');
  var status = document.getElementById('webchat-status');
  var connecting = document.getElementById('webchat-connecting');
  var embedded = document.documentElement.classList.contains('embed');
  var store;
  var pendingSends = [];

  // Where the conversation is kept between page loads: this page's sessionStorage, or, in the launcher's
  // frame, the host page's (see launcherSessions).
  function pageSessions() {
    return {
      load: function () {
        try { return Promise.resolve(JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || 'null')); } catch (e) { return Promise.resolve(null); }
      },
      save: function (session) {
        try { window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session)); } catch (e) { /* private mode */ }
      }
    };
  }

  // A frame on another site has partitioned or no storage, so widget.js keeps the session in the host page and
  // hands it over once the chat is opened. Messages are taken only from the parent window at its own origin.
  function launcherSessions(parentOrigin) {
    var handedOver = new Promise(function (resolve) {
      window.addEventListener('message', function (event) {
        if (event.source === window.parent && event.origin === parentOrigin
            && event.data && event.data.type === 'clinicbot:session') {
          resolve(event.data.session || null);
        }
      });
    });
    window.parent.postMessage({ type: 'clinicbot:ready' }, parentOrigin);
    return {
      load: function () { return handedOver; },
      save: function (session) { window.parent.postMessage({ type: 'clinicbot:save', session: session }, parentOrigin); }
    };
  }

  // The parent's origin as the browser reports it (ancestorOrigins; the referrer where that is missing).
  function parentOrigin() {
    if (!embedded || window.parent === window) { return null; }
    var ancestors = window.location.ancestorOrigins;
    var origin = ancestors && ancestors.length ? ancestors[0] : null;
    if (!origin && document.referrer) {
      try { origin = new URL(document.referrer).origin; } catch (e) { origin = null; }
    }
    return origin && origin !== 'null' ? origin : null;
  }

  var framedBy = parentOrigin();
  var sessions = framedBy ? launcherSessions(framedBy) : pageSessions();

  function save(session) {
    sessions.save(session);
  }

  // Web Chat's bundle (about 650 KB compressed) is fetched by this script, not by a tag in the page, so a page
  // can hold it back until the visitor shows interest.
  var webChatLoading = null;

  function loadWebChat() {
    if (!webChatLoading) {
      webChatLoading = new Promise(function (resolve, reject) {
        if (window.WebChat) { resolve(); return; }
        var bundle = document.createElement('script');
        bundle.src = script.getAttribute('data-webchat');
        bundle.addEventListener('load', resolve);
        bundle.addEventListener('error', reject);
        document.head.appendChild(bundle);
      });
    }
    return webChatLoading;
  }

  // The clinic page loads the chat when the visitor points at, touches, focuses or scrolls to it, presses a
  // button that speaks in it, or else once the browser is idle a little after the page has loaded.
  function whenVisitorShowsIntent(begin) {
    var chat = host.closest('.chat') || host;
    var begun = false;
    function go() {
      if (begun) { return; }
      begun = true;
      begin();
    }
    ['pointerenter', 'pointerdown', 'touchstart', 'focusin'].forEach(function (intent) {
      chat.addEventListener(intent, go, { passive: true });
    });
    document.addEventListener('click', function (event) {
      if (event.target.closest && event.target.closest('[data-chat-send]')) { go(); }
    }, true);
    window.addEventListener('scroll', function () {
      var box = chat.getBoundingClientRect();
      if (box.top < window.innerHeight && box.bottom > 0) { go(); }
    }, { passive: true });
    function whenIdle() {
      if (window.requestIdleCallback) { window.requestIdleCallback(go, { timeout: 1000 }); } else { go(); }
    }
    var afterLoad = function () { window.setTimeout(whenIdle, IDLE_DELAY_MS); };
    if (document.readyState === 'complete') { afterLoad(); } else { window.addEventListener('load', afterLoad); }
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
    return sessions.load().then(resumeOrStart);
  }

  function resumeOrStart(saved) {
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
    removeSkeleton();
    window.WebChat.renderWebChat({ directLine: directLine, store: store, locale: 'en-US', styleOptions: styleOptions() }, host);
    host.setAttribute('data-conversation-ready', 'true');
    pendingSends.splice(0).forEach(sayInChat);
  }

  function removeSkeleton() {
    var skeleton = document.getElementById('webchat-skeleton');
    if (skeleton) { skeleton.parentNode.removeChild(skeleton); }
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
    if (!button) { return; }
    if (store) { sayInChat(button.getAttribute('data-chat-send')); } else { pendingSends.push(button.getAttribute('data-chat-send')); }
  });

  function sayInChat(text) {
    store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } });
    var input = sendBox();
    if (input) { input.focus(); }
  }

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

  function begin() {
    Promise.all([loadWebChat(), connect()]).then(function (results) { start(results[1]); }).catch(unavailable);
  }

  if (!host || !script || !script.getAttribute('data-webchat')) {
    unavailable();
    return;
  }

  host.addEventListener('keydown', rememberEarlySubmit, true);
  host.addEventListener('click', rememberEarlySubmit, true);
  if (embedded) { begin(); } else { whenVisitorShowsIntent(begin); }
}());
