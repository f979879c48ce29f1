// New report form: choosing a kind fills in that kind's current period (each option carries it as data-period).
document.addEventListener('DOMContentLoaded', () => {
  const kind = document.getElementById('kind');
  const period = document.getElementById('period');
  if (!kind || !period) {
    return;
  }
  kind.addEventListener('change', () => {
    const option = kind.selectedOptions[0];
    if (option && option.dataset.period) {
      period.value = option.dataset.period;
    }
  });
});
