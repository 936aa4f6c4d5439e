import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetSessionValues } from '../../lib/browser/session-value';

// The fake browser's reset empties storage and drops every listener without a storage.onChanged,
// so the background's in-memory copies of storage.session values would outlive it: forget them too.
const reset = fakeBrowser.reset.bind(fakeBrowser);
fakeBrowser.reset = () => {
  reset();
  forgetSessionValues();
};
