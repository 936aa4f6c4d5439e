// The paint mark, left when Preact's effects run on the real pages (after the browser has rendered
// the first frame), so the control and the pages are timed by the same kind of mark.
requestAnimationFrame(() => setTimeout(() => performance.mark('blank-painted')));
