/* hreflang <link>s are for crawlers. Material's bundle would fetch "<href>/sitemap.xml" for each
   of them (a 404 per page, and a request off-site); the language switcher needs none of it. */
document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
  link.remove();
});
