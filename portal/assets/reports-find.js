/* The dashboard's organisation finder: when the text typed (or picked from the suggestions) names
 * one organisation — its full label, or its ODS code — choose it in the organisation select. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  reports: {
    findOrganisation: function (text, options, current) {
      var wanted = (text || "").trim().toLowerCase();
      if (!wanted) {
        return window.dash_clientside.no_update;
      }
      var found = (options || []).filter(function (option) {
        return option.label.toLowerCase() === wanted || option.value.toLowerCase() === wanted;
      });
      if (found.length !== 1 || found[0].value === current) {
        return window.dash_clientside.no_update;
      }
      return found[0].value;
    }
  }
});
