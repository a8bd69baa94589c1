// Submits the logout form at once (RP-initiated logout); without JavaScript the button is there.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.querySelector('[data-auto-submit]')
  if (button) button.click()
})
