import { pt as calling } from '../../calling/i18n/pt.js';
import { pt as shared } from '../../core/i18n/pt.js';
import type { DialpadTable } from './dialpad-strings.js';

export const pt: DialpadTable = {
  ...shared,
  call: calling,
  dialpad: {
    label: 'Teclado numérico',
    number: 'Número de telefone',
    country: 'País ou região',
    keypad: 'Teclas',
    keyWithLetters: '{digit} {letters}',
    star: 'Asterisco',
    pound: 'Jogo da velha',
    zeroKey: '0, mantenha pressionado para o sinal de mais',
    backspace: 'Apagar (mantenha pressionado para apagar tudo)',
    call: 'Ligar',
    addToCall: 'Adicionar à chamada',
    hangUp: 'Desligar',
    mute: 'Desativar microfone',
    hold: 'Colocar em espera',
    keyTones: 'Sons do teclado',
    dialing: 'Ligando…',
    ringing: 'Chamando…',
    connected: 'Conectado',
    onHold: 'Em espera',
    ended: 'Chamada encerrada',
    empty: 'Digite um número de telefone.',
    tooShort: 'Este número é curto demais.',
    tooLong: 'Este número é longo demais.',
    invalid: 'Este número de telefone não é válido.',
    invalidCountry: 'Código de país desconhecido. Comece os números internacionais com + e o código do país.',
    noNumberInPaste: 'Não há número de telefone no texto colado.',
    extension: 'Ramal {digits}, discado após conectar',
    removeExtension: 'Remover ramal',
  },
};
