/* Epilepsy12 case register: move focus to the first field at fault after a failed save, and
   switch the postcode field off while a reason it is unknown is chosen. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  caseRegister: {
    focusField: function (fieldId) {
      if (fieldId) {
        window.setTimeout(function () {
          var field = document.getElementById(fieldId);
          if (field) { field.focus(); }
        }, 0);
      }
      return fieldId || null;
    },
    postcodeNeeded: function (reason, formDisabled) {
      return Boolean(formDisabled) || (Boolean(reason) && reason !== "known");
    },
  },
});
