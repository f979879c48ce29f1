// Shows the upload's own progress (bytes sent) while htmx posts the report; the import's progress comes from the
// server fragment that htmx polls afterwards.
document.addEventListener('htmx:xhr:progress', function (event) {
  var bar = document.getElementById('upload-bar');
  if (!bar || !event.detail.lengthComputable) {
    return;
  }
  bar.classList.remove('d-none');
  bar.value = Math.round(event.detail.loaded * 100 / event.detail.total);
});
