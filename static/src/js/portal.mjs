// Progressive enhancement only: every page works without this file.
// Only the GOV.UK Frontend components our pages use, so the bundle stays small.
import {
  Button,
  CharacterCount,
  Checkboxes,
  createAll,
  ErrorSummary,
  isSupported,
  NotificationBanner,
  Radios,
  SkipLink,
} from "govuk-frontend";

import { enhancePageFeedback } from "./page-feedback.mjs";

if (isSupported()) {
  for (const Component of [
    Button,
    CharacterCount,
    Checkboxes,
    ErrorSummary,
    NotificationBanner,
    Radios,
    SkipLink,
  ]) {
    createAll(Component);
  }
  enhancePageFeedback();
}
