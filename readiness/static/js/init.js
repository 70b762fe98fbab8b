// Start GOV.UK Frontend's components (error summary focus, radios, details, etc.).
import { initAll } from "../vendor/govuk-frontend-5.14.0.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
