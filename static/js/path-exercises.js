// Path exercises: paced breathing, grounding one sense at a time, urge surfing
// with a timer that walks through its stages, a countdown.
// The page works without this file: every exercise is written out as text,
// and the timer controls stay hidden until this module shows them. With
// prefers-reduced-motion the breathing circle does not move; the phase text
// and the countdown carry the rhythm instead.
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

const seconds = (value) => Math.max(0, Number.parseInt(value, 10) || 0);

function setupBreathing(section) {
  const timer = section.querySelector("[data-breathing-timer]");
  const button = section.querySelector("[data-breathing-start]");
  const phase = section.querySelector("[data-breathing-phase]");
  const circle = section.querySelector(".breathing__circle");
  const count = section.querySelector("[data-breathing-count]");
  if (!timer || !button || !phase) return;
  const text = button.dataset;
  const plan = [
    ["in", seconds(section.dataset.inhale), text.textIn],
    ["hold", seconds(section.dataset.hold), text.textHold],
    ["out", seconds(section.dataset.exhale), text.textOut],
  ].filter(([, length]) => length > 0);
  const rounds = seconds(section.dataset.rounds) || 1;
  let handle = null;

  const stop = (message) => {
    window.clearTimeout(handle);
    handle = null;
    circle.dataset.phase = "";
    circle.style.removeProperty("--phase-seconds");
    button.textContent = text.labelStart;
    button.setAttribute("aria-pressed", "false");
    phase.textContent = message || "";
    if (count) count.textContent = "";
  };

  const run = (round, index) => {
    if (round > rounds) {
      stop(text.textDone);
      return;
    }
    const [name, length, label] = plan[index];
    if (!reducedMotion.matches) {
      circle.style.setProperty("--phase-seconds", `${length}s`);
      circle.dataset.phase = name;
    }
    // A countdown per phase: "Breathe in 4, 3, 2, 1" (also with reduced motion).
    // The phase is announced once; the seconds count down beside it, unread.
    phase.textContent = `${text.textRound} ${round}/${rounds}: ${label}`;
    let left = length;
    const tick = () => {
      if (count) count.textContent = String(left);
      if (left === 0) {
        const next = (index + 1) % plan.length;
        run(next === 0 ? round + 1 : round, next);
        return;
      }
      left -= 1;
      handle = window.setTimeout(tick, 1000);
    };
    tick();
  };

  button.addEventListener("click", () => {
    if (handle) {
      stop();
    } else {
      button.textContent = text.labelStop;
      button.setAttribute("aria-pressed", "true");
      run(1, 0);
    }
  });
  button.setAttribute("aria-pressed", "false");
  timer.hidden = false;
}

function setupCountdown(section) {
  const controls = section.querySelector("[data-timer-controls]");
  const button = section.querySelector("[data-timer-start]");
  const clock = section.querySelector("[data-timer-clock]");
  const status = section.querySelector("[data-timer-status]");
  if (!controls || !button || !clock) return;
  const total = seconds(section.dataset.minutes) * 60;
  let handle = null;
  let endsAt = 0;

  const show = (left) => {
    const minutes = Math.floor(left / 60);
    const rest = String(left % 60).padStart(2, "0");
    clock.textContent = `${minutes}:${rest}`;
  };
  const stop = (message) => {
    window.clearInterval(handle);
    handle = null;
    button.textContent = button.dataset.labelStart;
    button.setAttribute("aria-pressed", "false");
    if (status) status.textContent = message || "";
  };
  button.addEventListener("click", () => {
    if (handle) {
      stop();
      show(total);
      return;
    }
    endsAt = Date.now() + total * 1000;
    button.textContent = button.dataset.labelStop;
    button.setAttribute("aria-pressed", "true");
    handle = window.setInterval(() => {
      const left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      show(left);
      if (left === 0) stop(button.dataset.textDone);
    }, 1000);
  });
  button.setAttribute("aria-pressed", "false");
  controls.hidden = false;
}

// Urge surfing: a countdown that walks through the written stages. The wave
// swells towards the middle of the time and settles again; with reduced motion
// it stays still and the stage text carries the exercise.
function setupUrgeSurfing(section) {
  const controls = section.querySelector("[data-urge-controls]");
  const button = section.querySelector("[data-urge-start]");
  const clock = section.querySelector("[data-urge-clock]");
  const now = section.querySelector("[data-urge-stage]");
  const stages = [...section.querySelectorAll(".urge__stages > li")];
  if (!controls || !button || !clock || !now || stages.length === 0) return;
  const total = seconds(section.dataset.minutes) * 60 || 60;
  let handle = null;
  let endsAt = 0;
  let current = -1;

  const showClock = (left) => {
    clock.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  };
  const show = (left) => {
    showClock(left);
    const done = 1 - left / total;
    const index = Math.min(stages.length - 1, Math.floor(done * stages.length));
    if (index !== current) {
      current = index;
      stages.forEach((item, at) => {
        if (at === index) item.setAttribute("aria-current", "step");
        else item.removeAttribute("aria-current");
      });
      now.textContent = stages[index].textContent;
    }
    const level = 0.3 + 0.7 * Math.sin(Math.PI * done);
    section.style.setProperty("--urge-level", level.toFixed(3));
  };
  const stop = (message) => {
    window.clearInterval(handle);
    handle = null;
    current = -1;
    delete section.dataset.running;
    section.style.removeProperty("--urge-level");
    stages.forEach((item) => item.removeAttribute("aria-current"));
    showClock(total);
    button.textContent = button.dataset.labelStart;
    button.setAttribute("aria-pressed", "false");
    now.textContent = message || "";
  };
  button.addEventListener("click", () => {
    if (handle) {
      stop();
      return;
    }
    endsAt = Date.now() + total * 1000;
    section.dataset.running = "";
    button.textContent = button.dataset.labelStop;
    button.setAttribute("aria-pressed", "true");
    show(total);
    handle = window.setInterval(() => {
      const left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      if (left === 0) stop(button.dataset.textDone);
      else show(left);
    }, 1000);
  });
  button.setAttribute("aria-pressed", "false");
  controls.hidden = false;
}

// Grounding, one sense at a time: the list stays readable without this.
function setupGrounding(section) {
  const items = [...section.querySelectorAll(".grounding__prompts > li")];
  const button = section.querySelector("[data-grounding-next]");
  if (items.length < 2 || !button) return;
  let current = 0;
  const show = () => {
    items.forEach((item, index) => {
      item.hidden = index !== current;
    });
    const last = current === items.length - 1;
    button.textContent = last ? button.dataset.labelAgain : button.dataset.labelNext;
  };
  button.addEventListener("click", () => {
    current = (current + 1) % items.length;
    show();
    items[current].focus();
  });
  items.forEach((item) => item.setAttribute("tabindex", "-1"));
  button.hidden = false;
  show();
}

document.querySelectorAll("[data-breathing]").forEach(setupBreathing);
document.querySelectorAll("[data-grounding]").forEach(setupGrounding);
document.querySelectorAll("[data-timer]").forEach(setupCountdown);
document.querySelectorAll("[data-urge]").forEach(setupUrgeSurfing);
