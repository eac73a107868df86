// The index: a filter box and pages of 100 rows over the table the server
// wrote (every row is in the HTML, so the page works without script too).
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('#docs tbody tr'));
  var size = 100, page = 0, shown = rows;
  var box = document.getElementById('filter'), info = document.getElementById('info');
  function draw() {
    var pages = Math.max(1, Math.ceil(shown.length / size));
    page = Math.min(page, pages - 1);
    rows.forEach(function (r) { r.hidden = true; });
    shown.slice(page * size, (page + 1) * size).forEach(function (r) { r.hidden = false; });
    info.textContent = shown.length + ' of ' + rows.length + ' documents, page ' + (page + 1) + ' of ' + pages;
  }
  box.addEventListener('input', function () {
    var q = box.value.toLowerCase().trim();
    shown = q ? rows.filter(function (r) { return r.textContent.toLowerCase().indexOf(q) >= 0; }) : rows;
    page = 0; draw();
  });
  document.getElementById('prev').addEventListener('click', function () { if (page > 0) { page--; draw(); } });
  document.getElementById('next').addEventListener('click', function () { page++; draw(); });
  draw();
})();
