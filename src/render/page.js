// Clicking an event highlights its trigger words (and scrolls to them);
// `#v3` in the address selects event v3 on load.
(function () {
  function select(id) {
    document.querySelectorAll('.hl').forEach(function (e) { e.classList.remove('hl'); });
    document.querySelectorAll('li.event.sel').forEach(function (e) { e.classList.remove('sel'); });
    var marks = document.querySelectorAll('mark.trg');
    var first = null;
    marks.forEach(function (m) {
      if ((m.dataset.ev || '').split(' ').indexOf(id) >= 0) {
        m.classList.add('hl');
        if (!first) { first = m; }
      }
    });
    var li = document.querySelector('li.event[data-ev="' + id + '"]');
    if (li) { li.classList.add('sel'); }
    if (first && first.scrollIntoView) { first.scrollIntoView({block: 'center'}); }
  }
  document.querySelectorAll('li.event').forEach(function (li) {
    li.addEventListener('click', function () { select(li.dataset.ev); history.replaceState(null, '', '#' + li.dataset.ev); });
  });
  if (/^#v\d+$/.test(location.hash)) { select(location.hash.slice(1)); }
})();
