export default defineBackground(() => {
  // Listeners are wired in later issues; the worker must start cleanly.
});
