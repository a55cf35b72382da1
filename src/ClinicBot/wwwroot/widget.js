/*!
 * Chat launcher for Ketamine Infusion Therapy Houston & Sugar Land. Paste on any page:
 *   <script src="https://CHAT-HOST/widget.js" defer data-title="Chat with us"></script>
 * Options (data- attributes on that script tag): data-title, data-button-label, data-color (hex),
 * data-text-color (hex), data-position ("right" or "left"), data-preload ("idle", the default, or "intent").
 * The chat frame (and Web Chat) loads when the visitor points at, focuses or opens the launcher, or, with
 * data-preload="idle", once the page has loaded and the browser is idle (not on Save-Data or 2G connections).
 * The conversation itself starts only when the chat is opened.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__clinicBotWidget) { return; }
  window.__clinicBotWidget = true;

  var HEX = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i;
  var origin = new URL(script.src, window.location.href).origin;
  var data = script.dataset;
  var title = (data.title || 'Chat with us').slice(0, 60);
  var label = (data.buttonLabel || 'Chat').slice(0, 30);
  var color = HEX.test(data.color || '') ? data.color : '#135e74';
  var textColor = HEX.test(data.textColor || '') ? data.textColor : '#ffffff';
  var left = data.position === 'left';
  var preloadWhenIdle = data.preload !== 'intent';
  var PRELOAD_DELAY_MS = 2000;

  function el(tag, attributes, parent) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function icon(parent, path) {
    var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    shape.setAttribute('d', path);
    shape.setAttribute('fill', 'currentColor');
    svg.appendChild(shape);
    parent.appendChild(svg);
  }

  // Shadow DOM keeps the site's styles and ours apart; colours arrive as CSS custom properties.
  var container = el('div', { 'data-clinicbot-widget': '' });
  container.style.setProperty('--cb-color', color);
  container.style.setProperty('--cb-text', textColor);
  var root = container.attachShadow({ mode: 'open' });
  var stylesheet = el('link', { rel: 'stylesheet', href: origin + '/css/widget.css' }, root);
  var wrapper = el('div', { 'class': 'cb' + (left ? ' cb--left' : ''), hidden: '' }, root);
  stylesheet.addEventListener('load', function () { wrapper.removeAttribute('hidden'); });

  var panelId = 'clinicbot-panel';
  var panel = el('div', { 'class': 'cb-panel', id: panelId, role: 'dialog', 'aria-label': title, hidden: '' }, wrapper);
  var header = el('div', { 'class': 'cb-header' }, panel);
  var heading = el('h2', { 'class': 'cb-title' }, header);
  heading.textContent = title;
  var close = el('button', { type: 'button', 'class': 'cb-close', 'aria-label': 'Close chat' }, header);
  icon(close, 'M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z');
  var body = el('div', { 'class': 'cb-body' }, panel);

  var launcher = el('button', {
    type: 'button', 'class': 'cb-launcher', 'aria-label': 'Open chat: ' + title,
    'aria-expanded': 'false', 'aria-controls': panelId
  }, wrapper);
  icon(launcher, 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2zm3 5v2h10V9H7zm0 4v2h7v-2H7z');
  el('span', {}, launcher).textContent = label;

  var frame = null;
  var frameReady = false;
  var sessionSent = false;
  var SESSION_KEY = 'clinicbot.chat.v1';

  function focusChat() {
    if (frame && frame.contentWindow) {
      frame.focus();
      frame.contentWindow.postMessage({ type: 'clinicbot:focus' }, origin);
    }
  }

  // On another site the frame's own storage is partitioned or denied, so this page keeps the conversation
  // (id and token, never in a URL) in its own sessionStorage and hands it to the frame: a reload resumes it.
  function savedSession() {
    try { return JSON.parse(window.sessionStorage.getItem(SESSION_KEY) || 'null'); } catch (e) { return null; }
  }

  function keepSession(session) {
    var text = function (value) { return typeof value === 'string' && value.length > 0 && value.length < 4096; };
    if (!session || !text(session.conversationId) || !text(session.token) || !/^https?:\/\//.test(session.domain || '')) { return; }
    var kept = { domain: session.domain, conversationId: session.conversationId, token: session.token,
      pollingInterval: Number(session.pollingInterval) || undefined, webSocket: session.webSocket === true };
    try { window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(kept)); } catch (e) { /* storage off: no resume */ }
  }

  // The frame starts (or resumes) the conversation only once the chat is open.
  function handOverSession() {
    if (frameReady && !sessionSent && !panel.hasAttribute('hidden')) {
      sessionSent = true;
      frame.contentWindow.postMessage({ type: 'clinicbot:session', session: savedSession() }, origin);
    }
  }

  function loadFrame() {
    if (frame) { return; }
    var accent = encodeURIComponent(color);
    frame = el('iframe', { 'class': 'cb-frame', title: title, src: origin + '/embed.html?accent=' + accent, allow: 'clipboard-write' }, body);
    frame.addEventListener('load', function () {
      if (!panel.hasAttribute('hidden')) { focusChat(); } // loaded ahead on hover: no focus into a closed chat
    });
  }

  function open() {
    loadFrame();
    panel.removeAttribute('hidden');
    launcher.setAttribute('aria-expanded', 'true');
    wrapper.classList.add('cb--open');
    handOverSession();
    focusChat();
  }

  function hide() {
    if (panel.hasAttribute('hidden')) { return; }
    panel.setAttribute('hidden', '');
    launcher.setAttribute('aria-expanded', 'false');
    wrapper.classList.remove('cb--open');
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.hasAttribute('hidden')) { open(); } else { hide(); }
  });
  close.addEventListener('click', hide);
  root.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { hide(); }
  });
  ['pointerenter', 'focus', 'touchstart'].forEach(function (intent) {
    launcher.addEventListener(intent, loadFrame, { passive: true });
  });

  // A visitor who opens the chat after reading the page a while finds Web Chat already loaded (on a slow phone
  // its download and start take most of the wait); the page's own first load stays small either way.
  function slowOrMetered() {
    var connection = navigator.connection;
    return !!connection && (connection.saveData === true || /(^|-)2g$/.test(connection.effectiveType || ''));
  }

  function preloadWhenBrowserIdle() {
    if (slowOrMetered()) { return; }
    window.setTimeout(function () {
      if (window.requestIdleCallback) { window.requestIdleCallback(loadFrame, { timeout: 3000 }); } else { loadFrame(); }
    }, PRELOAD_DELAY_MS);
  }

  if (preloadWhenIdle) {
    if (document.readyState === 'complete') { preloadWhenBrowserIdle(); } else { window.addEventListener('load', preloadWhenBrowserIdle); }
  }
  window.addEventListener('message', function (event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== origin || !event.data) { return; }
    var type = event.data.type;
    if (type === 'clinicbot:close') { hide(); }
    if (type === 'clinicbot:ready') { frameReady = true; sessionSent = false; handOverSession(); }
    if (type === 'clinicbot:save') { keepSession(event.data.session); }
  });

  function attach() { document.body.appendChild(container); }
  if (document.body) { attach(); } else { document.addEventListener('DOMContentLoaded', attach); }
}());
