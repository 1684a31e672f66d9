// The sound on/off button (the title screen and the help dialog have one): says what it is now,
// pressed turns it over and the choice is remembered.
import { soundToggleText } from '../../src/app/sound-settings';
import { h } from './dom';
import { soundDirector } from './sound';

export function soundToggle(variant: 'secondary' | 'ghost' = 'secondary'): HTMLButtonElement | null {
  const director = soundDirector();
  if (director === null) return null;
  const el = h('button', { class: `btn btn-${variant} sound-toggle`, attrs: { type: 'button' } });
  const show = (on: boolean) => {
    const words = soundToggleText(on);
    el.textContent = words.label;
    el.title = words.title;
    el.setAttribute('aria-pressed', String(on));
  };
  show(director.isOn());
  el.addEventListener('click', () => show(director.toggle()));
  return el;
}
