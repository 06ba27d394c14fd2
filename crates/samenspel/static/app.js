// Small enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Copy buttons next to one-time links and tokens.
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    if (!field || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(field.value);
      const label = button.textContent;
      button.textContent = "✓";
      setTimeout(() => { button.textContent = label; }, 1500);
    });
  }
  // Ask before destructive actions.
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
  // Move focus to the error summary so screen readers announce it.
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
});

// The writing forms: show "whom to thank" and the card pictures only for a
// thank-you, and the list of people only for "only the chosen people".
// Without JavaScript they stay visible, with a hint saying when they apply.
document.addEventListener("DOMContentLoaded", () => {
  const forms = document.querySelectorAll("form.entry-form, form.audience-form");
  if (forms.length === 0) return;
  document.documentElement.classList.add("js");
  forms.forEach((form) => {
    const update = () => {
      const kind = form.querySelector("input[name=kind]:checked");
      const audience = form.querySelector("input[name=audience]:checked");
      form.querySelectorAll(".thanks-only").forEach((el) => {
        el.hidden = !(kind && kind.value === "thanks");
      });
      form.querySelectorAll(".chosen-only").forEach((el) => {
        // A form without audience choices (the writer may not decide) keeps nothing hidden.
        el.hidden = audience !== null && audience.value !== "chosen";
      });
    };
    form.addEventListener("change", update);
    update();
  });
});
