import { es as calling } from '../../calling/i18n/es.js';
import { es as shared } from '../../core/i18n/es.js';
import type { DialpadTable } from './dialpad-strings.js';

export const es: DialpadTable = {
  ...shared,
  call: calling,
  dialpad: {
    label: 'Teclado de marcado',
    number: 'Número de teléfono',
    country: 'País o región',
    keypad: 'Teclado',
    keyWithLetters: '{digit} {letters}',
    star: 'Asterisco',
    pound: 'Almohadilla',
    zeroKey: '0, mantén pulsado para el signo más',
    backspace: 'Borrar (mantén pulsado para borrarlo todo)',
    call: 'Llamar',
    addToCall: 'Añadir a la llamada',
    hangUp: 'Colgar',
    mute: 'Silenciar',
    hold: 'Poner en espera',
    keyTones: 'Tonos del teclado',
    dialing: 'Llamando…',
    ringing: 'Sonando…',
    connected: 'Conectado',
    onHold: 'En espera',
    ended: 'Llamada finalizada',
    empty: 'Introduce un número de teléfono.',
    tooShort: 'Este número es demasiado corto.',
    tooLong: 'Este número es demasiado largo.',
    invalid: 'Este número de teléfono no es válido.',
    invalidCountry: 'Código de país desconocido. Empieza los números internacionales con + y el código de país.',
    noNumberInPaste: 'No hay ningún número de teléfono en el texto pegado.',
    extension: 'Extensión {digits}, se marcará al conectar',
    removeExtension: 'Quitar extensión',
  },
};
