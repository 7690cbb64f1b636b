// Django's admin builds slugs with URLify, which drops Vietnamese letters it has no map for
// ("Hội thảo" became "hi-tho"). Strip the tone and vowel marks first, and read đ as d, so the
// slug keeps every word: "Hội thảo tại Đà Nẵng" → "hoi-thao-tai-da-nang".
(function () {
  "use strict";
  const urlify = window.URLify;
  if (typeof urlify !== "function") {
    return;
  }
  window.URLify = function (text, maxLength, allowUnicode) {
    const plain = String(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D");
    return urlify(plain, maxLength, allowUnicode);
  };
})();
