// consistency HTML report: jump links mark their target; evidence in the text leads to its flag.
(function () {
  "use strict";

  function mark(key) {
    document.querySelectorAll(".is-target").forEach(function (el) {
      el.classList.remove("is-target");
    });
    var pieces = document.querySelectorAll('[data-key="' + CSS.escape(key) + '"]');
    pieces.forEach(function (el) {
      el.classList.add("is-target");
    });
    return pieces.length ? pieces[0] : null;
  }

  function show(key) {
    var first = mark(key);
    if (first) {
      first.scrollIntoView({ block: "center", inline: "nearest" });
    }
    return first;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.jump");
    if (link) {
      if (show(link.getAttribute("href").slice(1))) {
        event.preventDefault();
      }
      return;
    }
    var evidence = event.target.closest("mark[data-flag]");
    if (evidence) {
      show(evidence.getAttribute("data-flag"));
    }
  });

  if (location.hash.length > 1) {
    show(decodeURIComponent(location.hash.slice(1)));
  }
})();
