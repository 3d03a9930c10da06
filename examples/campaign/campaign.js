// What a campaign page may do with Aware's events: here, say how far the visitor is. The events
// carry lesson and item ids, right or wrong, and the score: nothing that identifies anyone.
const progress = document.getElementById('progress');
let answered = 0;
document.addEventListener('aware', (event) => {
  const { type, score, max } = event.detail;
  if (type === 'started') answered = 0;
  if (type === 'answered') progress.textContent = `Questions answered: ${(answered += 1)}`;
  if (type === 'completed') progress.textContent = `Finished: ${score} of ${max} right on the first try.`;
});
