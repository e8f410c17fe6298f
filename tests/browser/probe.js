// Injected by tests/test_html_report.py into a copy of the report (the report itself has no
// script): clicks each filter as a user would and reports, for each, the classes of the rows
// left visible and how far the page scrolls sideways.
(function () {
  function visible() {
    return Array.from(document.querySelectorAll('tbody tr'))
      .filter(function (row) { return row.getClientRects().length > 0; })
      .map(function (row) { return row.className; });
  }
  var result = {width: document.documentElement.clientWidth};
  ['problems', 'untranslated', 'doubtful', 'all'].forEach(function (key) {
    document.querySelector('label[for=show-' + key + ']').click();
    result[key] = {rows: visible(),
                   overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth};
  });
  parent.postMessage(JSON.stringify(result), '*');
})();
