/* EMC measurement queue, configured from data attributes (no inline script: the CSP forbids it). */
(function () {
  var me = document.currentScript;
  if (!me) { return; }
  var q = (window._govaq = window._govaq || []);
  if (me.dataset.trackerUrl) { q.push(["setTrackerUrl", me.dataset.trackerUrl]); }
  q.push(["setSiteId", me.dataset.siteId]);
  q.push(["trackPageView"]);
  q.push(["enableLinkTracking"]);
})();
