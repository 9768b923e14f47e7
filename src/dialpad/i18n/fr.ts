import { fr as calling } from '../../calling/i18n/fr.js';
import { fr as shared } from '../../core/i18n/fr.js';
import type { DialpadTable } from './dialpad-strings.js';

// French typography: a no-break space (U+00A0) before “:” and inside « », none before “…”.

export const fr: DialpadTable = {
  ...shared,
  call: calling,
  dialpad: {
    label: 'Clavier numérique',
    number: 'Numéro de téléphone',
    country: 'Pays ou région',
    keypad: 'Touches',
    keyWithLetters: '{digit} {letters}',
    star: 'Étoile',
    pound: 'Dièse',
    zeroKey: '0, appui long pour le signe plus',
    backspace: 'Effacer (appui long pour tout effacer)',
    call: 'Appeler',
    addToCall: 'Ajouter à l’appel',
    hangUp: 'Raccrocher',
    mute: 'Couper le micro',
    hold: 'Mettre en attente',
    keyTones: 'Tonalités des touches',
    dialing: 'Appel en cours…',
    ringing: 'Sonnerie…',
    connected: 'En ligne',
    onHold: 'En attente',
    ended: 'Appel terminé',
    empty: 'Saisissez un numéro de téléphone.',
    tooShort: 'Ce numéro est trop court.',
    tooLong: 'Ce numéro est trop long.',
    invalid: 'Ce numéro de téléphone n’est pas valide.',
    invalidCountry: 'Indicatif de pays inconnu. Commencez les numéros internationaux par + suivi de l’indicatif du pays.',
    noNumberInPaste: 'Aucun numéro de téléphone dans le texte collé.',
    extension: 'Poste {digits}, composé une fois connecté',
    removeExtension: 'Supprimer le poste',
  },
};
