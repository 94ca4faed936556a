// "Is this page useful?", enhanced. Without JavaScript the Yes and No buttons post a
// form and come back (see portal/feedback/views.py). With it, "Yes" is sent without
// leaving the page and the thanks appears where the question was. "No" still goes to the
// page that asks what was wrong, because that needs a form of its own.
export function enhancePageFeedback(root = document) {
  const form = root.querySelector(".app-page-feedback__form");
  if (!form || !window.fetch || !window.DOMParser) return;

  form.addEventListener("submit", async (event) => {
    const button = event.submitter;
    if (form.dataset.plain || !button || button.value !== "yes") return;
    event.preventDefault();
    const body = new FormData(form);
    body.set("answer", "yes");
    try {
      const response = await fetch(form.action, { method: "POST", body, credentials: "same-origin" });
      if (!response.ok) throw new Error(`status ${response.status}`);
      // The thanks page is in the reader's language: its heading is the message.
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const heading = page.querySelector("h1");
      const status = document.createElement("p");
      status.className = "govuk-body app-page-feedback__thanks";
      status.setAttribute("role", "status");
      form.replaceWith(status);
      // Filled after it is in the page, so screen readers announce it.
      window.setTimeout(() => {
        status.textContent = heading ? heading.textContent.trim() : "";
      }, 50);
    } catch {
      // Anything unexpected: send it the ordinary way instead.
      form.dataset.plain = "true";
      button.click();
    }
  });
}
