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

  // The clinic's palette, read from site.css's custom properties (the one place the colours are set).
  function palette() {
    var css = window.getComputedStyle(document.documentElement);
    function color(name, fallback) { return css.getPropertyValue(name).trim() || fallback; }
    return {
      brand: color('--brand', '#135e74'),
      brandDark: color('--brand-dark', '#0c3f4e'),
      ink: color('--ink', '#1d2a30'),
      muted: color('--muted', '#4a5a61'),
      paper: color('--paper', '#ffffff'),
      bubble: color('--bubble', '#eef4f6'),
      line: color('--line', '#d4dfe3'),
      danger: color('--danger', '#8a1c00'),
      focus: color('--focus', '#0c3f4e'),
      font: css.fontFamily || 'system-ui, sans-serif'
    };
  }

  // A launcher's data-color is used only where white text on it stays readable (WCAG 4.5:1).
  function accentOr(fallback) {
    var accent = new URLSearchParams(window.location.search).get('accent');
    return accent && COLOR.test(accent) && contrast(accent, '#ffffff') >= 4.5 ? accent : fallback;
  }

  function contrast(first, second) {
    function luminance(hex) {
      var digits = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, '$&$&').slice(1) : hex.slice(1);
      var channels = [0, 2, 4].map(function (i) {
        var c = parseInt(digits.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }
    var a = luminance(first), b = luminance(second);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  function styleOptions(colors) {
    var brand = accentOr(colors.brand);
    return {
      accent: brand,
      subtle: colors.muted,
      bubbleBackground: colors.bubble,
      bubbleTextColor: colors.ink,
      bubbleFromUserBackground: brand,
      bubbleFromUserTextColor: colors.paper,
      bubbleFromUserBorderRadius: 12,
      bubbleBorderRadius: 12,
      bubbleBorderWidth: 0,
      cardEmphasisBackgroundColor: colors.bubble,
      cardPushButtonBackgroundColor: colors.brandDark,
      cardPushButtonTextColor: colors.paper,
      sendBoxButtonColor: brand,
      sendBoxButtonColorOnHover: colors.brandDark,
      sendBoxTextColor: colors.ink,
      sendBoxPlaceholderColor: colors.muted,
      suggestedActionBackgroundColor: colors.paper,
      suggestedActionBorderColor: brand,
      suggestedActionTextColor: brand,
      suggestedActionKeyboardFocusIndicatorBorderColor: colors.focus,
      transcriptVisualKeyboardIndicatorColor: colors.focus,
      timestampColor: colors.muted,
      hideUploadButton: true,
      primaryFont: colors.font,
      rootHeight: '100%',
      sendBoxTextWrap: true,
      suggestedActionLayout: 'flow'
    };
  }

  // Adaptive Cards (the hours and booking cards) in the same palette: every text at least 4.5:1 on the card.
  function cardHostConfig(colors) {
    function text(normal, subtle) { return { 'default': normal, subtle: subtle || normal }; }
    var foreground = {
      'default': text(colors.ink, colors.muted),
      dark: text(colors.ink, colors.muted),
      light: text(colors.paper),
      accent: text(colors.brand, colors.brandDark),
      good: text(colors.brandDark),
      attention: text(colors.danger),
      warning: text(colors.danger)
    };
    return {
      fontFamily: colors.font,
      supportsInteractivity: true,
      containerStyles: {
        'default': { backgroundColor: colors.paper, foregroundColors: foreground },
        emphasis: { backgroundColor: colors.bubble, foregroundColors: foreground },
        accent: { backgroundColor: colors.bubble, foregroundColors: foreground },
        good: { backgroundColor: colors.bubble, foregroundColors: foreground },
        attention: { backgroundColor: colors.paper, foregroundColors: foreground },
        warning: { backgroundColor: colors.paper, foregroundColors: foreground }
      },
      separator: { lineThickness: 1, lineColor: colors.line },
      imageSizes: { small: 40, medium: 80, large: 160 },
      actions: {
        actionAlignment: 'stretch', actionsOrientation: 'vertical', buttonSpacing: 8, maxActions: 100,
        showCard: { actionMode: 'inline', inlineTopMargin: 8 }, spacing: 'default'
      },
      adaptiveCard: { allowCustomStyle: false },
      factSet: {
        title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
        value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
        spacing: 8
      },
      textBlock: { headingLevel: 2 }
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
    var colors = palette();
    window.WebChat.renderWebChat({
      directLine: directLine, store: store, locale: 'en-US',
      styleOptions: styleOptions(colors), adaptiveCardsHostConfig: cardHostConfig(colors)
    }, host);
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

  // The launcher asks for focus as soon as the frame loads, before Web Chat has drawn its send box: wait for
  // the box (for a while, not for ever) rather than leaving focus on the frame's body.
  function focusSendBoxWhenReady() {
    var input = sendBox();
    if (input || !host) {
      if (input) { input.focus(); }
      return;
    }
    var observer = new MutationObserver(function () {
      var box = sendBox();
      if (box) {
        observer.disconnect();
        box.focus();
      }
    });
    observer.observe(host, { childList: true, subtree: true });
    window.setTimeout(function () { observer.disconnect(); }, 30000);
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
        focusSendBoxWhenReady();
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
