/* Review mode's keys: each presses a labelled button or focuses the note, so the mouse, Tab and
 * these keys all do the same thing. Only active while the page holds #review-mode.
 *   → or Page Down: next measure      ← or Page Up: previous measure
 *   E: edit the agreed actions         Esc: leave review mode (in the note: stop editing first) */
(function () {
  "use strict";

  var PRESS = {
    ArrowRight: "review-next",
    PageDown: "review-next",
    ArrowLeft: "review-previous",
    PageUp: "review-previous",
    Escape: "review-exit"
  };

  function typing(target) {
    if (!target) {
      return false;
    }
    var tag = (target.tagName || "").toLowerCase();
    return tag === "textarea" || tag === "input" || tag === "select" || target.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (!document.getElementById("review-mode")) {
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (typing(event.target)) {
      if (event.key === "Escape") {
        event.target.blur();
        var save = document.getElementById("review-save");
        if (save) {
          save.focus();
        }
        event.preventDefault();
      }
      return;
    }
    if (event.key === "e" || event.key === "E") {
      var note = document.getElementById("review-note");
      if (note) {
        event.preventDefault();
        note.focus();
      }
      return;
    }
    var target = document.getElementById(PRESS[event.key]);
    if (target && !target.disabled) {
      event.preventDefault();
      target.click();
    }
  });
})();
