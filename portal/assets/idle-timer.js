/* Idle sign-out in the browser: after the minutes the shell states with no keyboard, mouse or touch
 * activity (in any tab of this portal), leave for the sign-in page, which also signs the user out on
 * the server. The shell renders <div id="idle-timer" data-idle-minutes="30">; 0 or absent = off. */
(function () {
  "use strict";

  var STORAGE_KEY = "portal-last-activity";
  var SIGN_IN_URL = "/auth/sign-in?idle=1";
  var EVENTS = ["keydown", "mousedown", "mousemove", "wheel", "touchstart", "scroll"];
  var lastActivity = Date.now();
  var lastRecorded = 0;

  function recordActivity() {
    var now = Date.now();
    lastActivity = now;
    if (now - lastRecorded < 1000) {
      return;
    }
    lastRecorded = now;
    try {
      window.localStorage.setItem(STORAGE_KEY, String(now));
    } catch (ignored) {
      /* Storage may be disabled; this tab's own activity still counts. */
    }
  }

  function latestActivity() {
    var shared = 0;
    try {
      shared = parseInt(window.localStorage.getItem(STORAGE_KEY) || "0", 10) || 0;
    } catch (ignored) {
      shared = 0;
    }
    return Math.max(lastActivity, shared);
  }

  function idleMinutes() {
    var element = document.getElementById("idle-timer");
    if (!element) {
      return 0;
    }
    return parseFloat(element.getAttribute("data-idle-minutes") || "0") || 0;
  }

  var timer = {
    navigate: function (url) {
      window.location.assign(url);
    },
    /* Leave for sign-in if the user has been idle too long; return whether it did. */
    check: function () {
      var minutes = idleMinutes();
      if (minutes > 0 && Date.now() - latestActivity() >= minutes * 60000) {
        timer.navigate(SIGN_IN_URL);
        return true;
      }
      return false;
    },
  };

  function watch() {
    if (timer.check()) {
      return;
    }
    var minutes = idleMinutes();
    var wait = minutes > 0 ? Math.min(15000, Math.max(250, (minutes * 60000) / 4)) : 5000;
    window.setTimeout(watch, wait);
  }
  window.portalIdleTimer = timer;

  EVENTS.forEach(function (name) {
    window.addEventListener(name, recordActivity, { passive: true, capture: true });
  });
  recordActivity();
  window.setTimeout(watch, 1000);
})();
