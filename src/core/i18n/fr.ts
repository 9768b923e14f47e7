import type { SharedStrings } from './strings.js';

// French typography: a no-break space (U+00A0) before “:” and inside « », none before “…”.

export const fr: SharedStrings = {
  connecting: 'Connexion…',
  retry: 'Réessayer',
  errorTitle: 'Un problème est survenu',
  serviceSaid: 'Le service a répondu : « {reason} »',
  crossOriginHint: 'S’il fonctionne, vérifiez qu’il accepte les requêtes de l’origine de cette page, {origin} (ALLOWED_ORIGINS sur le serveur acs-elements).',
  errors: {
    'missing-token-source': 'Cet élément ne peut pas se connecter\u00a0: indiquez-lui un token-url ou un token-provider.',
    'token-url-failed': 'Le service de connexion à {url} a répondu par une erreur ({status}).',
    'token-url-not-found': 'Le service de connexion est introuvable à {url} (404). Vérifiez token-url.',
    'token-url-refused': 'Le service de connexion à {url} a refusé la demande ({status}).',
    'token-url-server-error': 'Le service de connexion à {url} a échoué ({status}). Réessayez dans un instant.',
    'token-url-unreachable': 'Le service de connexion à {url} est injoignable. Vérifiez qu’il fonctionne et que vous êtes en ligne.',
    'token-url-blocked':
      'Le service de connexion à {url} répond, mais pas à l’origine de cette page, {origin} (CORS) : vérifiez l’URL et que ALLOWED_ORIGINS du service contient l’origine.',
    'token-url-invalid-response': 'Le service de connexion à {url} n’a pas répondu par une session (JSON avec un jeton).',
    'token-provider-not-found': 'La fonction de connexion indiquée dans token-provider n’existe pas sur cette page.',
    'token-provider-failed': 'La fonction de connexion n’a pas pu fournir de jeton d’accès.',
    'invalid-token': 'Le service de connexion a renvoyé autre chose qu’un jeton d’accès valide.',
    'token-expired': 'Le jeton d’accès avait déjà expiré. Reconnectez-vous.',
    'invalid-session': 'Le service de connexion a renvoyé une session incomplète.',
    'sdk-load-failed': 'Une partie de ce composant n’a pas pu être téléchargée. Vérifiez votre connexion et réessayez.',
    network: 'La connexion a échoué. Vérifiez votre réseau et réessayez.',
    'permission-denied': 'L’accès à la caméra ou au micro a été refusé. Autorisez-le dans les paramètres du site de votre navigateur.',
    'invalid-phone-number': 'Ce numéro de téléphone n’est pas valide.',
    'missing-caller-id': 'Les appels téléphoniques ne sont pas configurés\u00a0: l’identifiant d’appelant (alternate-caller-id) est manquant ou non valide.',
    'missing-call-target': 'Il n’y a rien à appeler\u00a0: indiquez un group-id, un meeting-link, un room-id ou un callee.',
    'invalid-call-target': 'La cible de l’appel n’est pas valide. Vérifiez le destinataire, le lien de la réunion ou l’ID de la salle.',
    'call-failed': 'Impossible de lancer l’appel. Réessayez.',
    'not-in-call': 'Aucun appel n’est en cours.',
    unknown: 'Une erreur inattendue s’est produite. Réessayez.',
    'invalid-group-id': 'Le group-id doit être un GUID.',
    'invalid-room-id': 'Le room-id doit être un ID de salle ACS (chiffres).',
    'invalid-meeting-link': 'Le meeting-link doit être le lien https d’une réunion Teams.',
    'invalid-callee': 'Chaque callee doit être un ID d’utilisateur ACS ou Teams, ou un numéro comme +14255550100.',
  },
};
