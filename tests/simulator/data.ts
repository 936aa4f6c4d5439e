/**
 * Realistic variety for the generated world: visitors and questions in many scripts (Latin with
 * diacritics, CJK, Devanagari, Arabic and Hebrew right-to-left, emoji), very long text, and
 * missing emails and phones. Everything is drawn through the seeded PRNG. Addresses use the
 * reserved example.* domains and documentation IP ranges so nothing points at a real person.
 */
import type { Prng } from './prng';

export type Locale = 'en' | 'de' | 'es' | 'fr' | 'pt' | 'ja' | 'hi' | 'zh' | 'ar' | 'he' | 'emoji';

export interface Persona {
  name: string;
  emailLocal: string;
  countryCode: string;
  locale: Locale;
}

const PEOPLE: readonly Persona[] = [
  { name: 'Emma Thompson', emailLocal: 'emma.thompson', countryCode: 'GB', locale: 'en' },
  { name: 'Liam Carter', emailLocal: 'liam.carter', countryCode: 'US', locale: 'en' },
  { name: 'Olivia Brown', emailLocal: 'olivia.b', countryCode: 'AU', locale: 'en' },
  { name: "Noah O'Connor", emailLocal: 'noah.oconnor', countryCode: 'IE', locale: 'en' },
  { name: 'Jürgen Müller', emailLocal: 'j.mueller', countryCode: 'DE', locale: 'de' },
  { name: 'Anna Schäfer', emailLocal: 'anna.schaefer', countryCode: 'AT', locale: 'de' },
  { name: 'Lukas Weiß', emailLocal: 'lukas.weiss', countryCode: 'CH', locale: 'de' },
  { name: 'María José Núñez', emailLocal: 'mj.nunez', countryCode: 'ES', locale: 'es' },
  { name: 'Alejandro Pérez', emailLocal: 'alejandro.perez', countryCode: 'MX', locale: 'es' },
  { name: 'Lucía Fernández', emailLocal: 'lucia.f', countryCode: 'AR', locale: 'es' },
  { name: 'Chloé Dubois', emailLocal: 'chloe.dubois', countryCode: 'FR', locale: 'fr' },
  { name: 'João Silva', emailLocal: 'joao.silva', countryCode: 'BR', locale: 'pt' },
  { name: '山田 花子', emailLocal: 'hanako.yamada', countryCode: 'JP', locale: 'ja' },
  { name: '佐藤 健', emailLocal: 'ken.sato', countryCode: 'JP', locale: 'ja' },
  { name: 'अनीता शर्मा', emailLocal: 'anita.sharma', countryCode: 'IN', locale: 'hi' },
  { name: 'राहुल वर्मा', emailLocal: 'rahul.verma', countryCode: 'IN', locale: 'hi' },
  { name: '王伟', emailLocal: 'wang.wei', countryCode: 'CN', locale: 'zh' },
  { name: '李娜', emailLocal: 'li.na', countryCode: 'TW', locale: 'zh' },
  { name: 'محمد العتيبي', emailLocal: 'm.alotaibi', countryCode: 'SA', locale: 'ar' },
  { name: 'فاطمة الزهراء', emailLocal: 'fatima.z', countryCode: 'AE', locale: 'ar' },
  { name: 'נועה כהן', emailLocal: 'noa.cohen', countryCode: 'IL', locale: 'he' },
  { name: 'דוד לוי', emailLocal: 'david.levi', countryCode: 'IL', locale: 'he' },
  { name: 'Sam 🦄', emailLocal: 'sam.unicorn', countryCode: 'NZ', locale: 'emoji' },
  { name: 'Zoë ✨🌸', emailLocal: 'zoe.sparkle', countryCode: 'CA', locale: 'emoji' },
  {
    name: 'Maximilian Alexander Konstantin von Hohenstein-Wittelsbach zu Oberammergau',
    emailLocal: 'max.hohenstein',
    countryCode: 'DE',
    locale: 'de',
  },
];

const QUESTIONS: Record<Locale, readonly string[]> = {
  en: [
    'Can I change the billing address on my last invoice?',
    'Where is my order #48213? It said 2-3 days.',
    'Do you offer a discount for non-profits?',
    'How do I add a second user to my account?',
    'The checkout page keeps spinning after I press Pay.',
  ],
  de: [
    'Wie kann ich mein Passwort zurücksetzen?',
    'Ist die Lieferung nach Österreich kostenlos?',
    'Kann ich die Rechnung auf meine Firma ausstellen lassen?',
  ],
  es: [
    '¿Puedo pagar con transferencia bancaria?',
    'Mi pedido llegó dañado, ¿qué hago?',
    '¿Tienen soporte en español los fines de semana?',
  ],
  fr: ['Bonjour, est-ce que je peux modifier ma commande ?', 'Où trouver ma facture du mois dernier ?'],
  pt: ['Olá! Vocês entregam em Portugal?', 'Não consigo acessar minha conta, podem ajudar?'],
  ja: [
    '請求書の宛名を変更できますか？',
    '配送状況を確認したいです。注文番号は 1024 です。',
    'プランのアップグレード方法を教えてください。',
  ],
  hi: ['क्या मैं अपना ऑर्डर रद्द कर सकता हूँ?', 'भुगतान विफल हो गया, अब क्या करूँ?'],
  zh: ['如何更改我的订阅计划？', '发票可以开公司抬头吗？', '你们支持微信支付吗？'],
  ar: ['هل يمكنني استرداد المبلغ؟', 'متى يصل طلبي؟ رقم الطلب 7781'],
  he: ['איך אני מבטל את המנוי?', 'האם יש משלוח חינם לאילת?'],
  emoji: ['Help!! 😱 my cart is empty again 🛒', '👋 anyone there? 🙏', 'Is the 🎁 gift wrap free? 🤔'],
};

const FOLLOW_UPS: Record<Locale, readonly string[]> = {
  en: ['Hello?', 'Are you still there?', 'Thanks, one more thing…', 'That worked, thank you!'],
  de: ['Hallo? Ist jemand da?', 'Danke, das hat geklappt.'],
  es: ['¿Hola? ¿Hay alguien?', '¡Gracias!'],
  fr: ['Il y a quelqu’un ?', 'Merci beaucoup !'],
  pt: ['Alguém aí?', 'Obrigado!'],
  ja: ['もしもし？', 'ありがとうございます！'],
  hi: ['नमस्ते? कोई है?', 'धन्यवाद!'],
  zh: ['有人吗？', '谢谢！'],
  ar: ['مرحبا؟ هل من أحد؟', 'شكرا جزيلا!'],
  he: ['שלום? יש מישהו?', 'תודה רבה!'],
  emoji: ['👀', '🙏🙏🙏', '👍'],
};

const OPERATOR_REPLIES: readonly string[] = [
  'Hi! Thanks for reaching out, let me check that for you.',
  'Could you share your order number, please?',
  'I have updated that for you. Anything else I can help with?',
  'Sorry for the wait! I am looking into it right now.',
  'Done. You will get a confirmation email in a few minutes.',
];

const FEEDBACK: readonly { rating: string; label: string; text: string }[] = [
  { rating: '3', label: 'Happy', text: 'Super quick, thank you!' },
  { rating: '3', label: 'Happy', text: 'Sehr freundlich und kompetent.' },
  { rating: '2', label: 'Neutral', text: 'Took a while but solved.' },
  { rating: '1', label: 'Sad', text: 'I had to explain everything twice.' },
  { rating: '3', label: 'Happy', text: '' },
];

const VISIT_SOURCES: readonly string[] = [
  'Google',
  'Direct',
  'Newsletter',
  'LinkedIn',
  'Bing',
  'Referral: partner.example.org',
];

const PHONE_PREFIX: Record<string, string> = {
  GB: '+44 20 7946 ',
  US: '+1 202 555 ',
  AU: '+61 2 5550 ',
  IE: '+353 1 555 ',
  DE: '+49 30 5550 ',
  AT: '+43 1 555 ',
  CH: '+41 44 555 ',
  ES: '+34 91 555 ',
  MX: '+52 55 5555 ',
  AR: '+54 11 5555 ',
  FR: '+33 1 55 55 ',
  BR: '+55 11 5555 ',
  JP: '03-5555-',
  IN: '91233',
  CN: '+86 10 5555 ',
  TW: '+886 2 5555 ',
  SA: '+966 11 555 ',
  AE: '+971 4 555 ',
  IL: '+972 3 555 ',
  NZ: '+64 9 555 ',
  CA: '+1 613 555 ',
};

const EMAIL_DOMAINS: readonly string[] = ['example.com', 'example.org', 'example.net'];

export interface GeneratedVisitor {
  name: string;
  email?: string;
  phone?: string;
  countryCode: string;
  ip: string;
  type: 'lead' | 'contact';
  locale: Locale;
}

export function personaVisitor(prng: Prng, persona: Persona): GeneratedVisitor {
  const withPhone = prng.chance(0.5);
  const type = prng.chance(0.4) ? 'contact' : 'lead';
  return {
    name: persona.name,
    email: `${persona.emailLocal}@${prng.pick(EMAIL_DOMAINS)}`,
    phone: withPhone
      ? `${PHONE_PREFIX[persona.countryCode] ?? '+1 555 '}${prng.int(1000, 9999)}${persona.countryCode === 'IN' ? prng.int(10000, 99999) : ''}`
      : undefined,
    countryCode: persona.countryCode,
    ip: documentationIp(prng),
    type,
    locale: persona.locale,
  };
}

export function randomPersona(prng: Prng): Persona {
  return prng.pick(PEOPLE);
}

/** A visitor who gave no name or email: Zoho shows "Visitor <n>". */
export function anonymousVisitor(prng: Prng): GeneratedVisitor {
  const locale = prng.pick(Object.keys(QUESTIONS) as Locale[]);
  return {
    name: `Visitor ${prng.int(1000, 9999)}`,
    countryCode: prng.pick(['US', 'DE', 'IN', 'JP', 'BR', 'IL', 'SA', 'FR']),
    ip: documentationIp(prng),
    type: 'lead',
    locale,
  };
}

/** Addresses from the RFC 5737 documentation ranges. */
function documentationIp(prng: Prng): string {
  const net = prng.pick(['192.0.2', '198.51.100', '203.0.113']);
  return `${net}.${prng.int(1, 254)}`;
}

export function question(prng: Prng, locale: Locale): string {
  if (prng.chance(0.06)) return longText(prng);
  return prng.pick(QUESTIONS[locale]);
}

export function followUp(prng: Prng, locale: Locale): string {
  return prng.pick(FOLLOW_UPS[locale]);
}

export function operatorReply(prng: Prng): string {
  return prng.pick(OPERATOR_REPLIES);
}

export function feedback(prng: Prng): { rating: string; label: string; text: string } {
  return prng.pick(FEEDBACK);
}

export function visitSource(prng: Prng): string {
  return prng.pick(VISIT_SOURCES);
}

/** About 2,000 characters of mixed-script text, the kind a frustrated visitor pastes. */
function longText(prng: Prng): string {
  const parts: string[] = [];
  let length = 0;
  const locales = Object.keys(QUESTIONS) as Locale[];
  while (length < 2000) {
    const sentence = prng.pick(QUESTIONS[prng.pick(locales)]);
    parts.push(sentence);
    length += sentence.length + 1;
  }
  return parts.join(' ');
}

const CANNED_OPENERS: readonly string[] = [
  'Thanks for contacting Zylker!',
  'Hi there,',
  'Hallo und danke für Ihre Nachricht!',
  '¡Hola! Gracias por escribirnos.',
  'お問い合わせありがとうございます。',
  'नमस्ते!',
  '感谢您的咨询。',
  'شكرا لتواصلك معنا.',
  'תודה שפנית אלינו.',
  'Bonjour !',
];

const CANNED_BODIES: readonly string[] = [
  'Our office hours are 9:00–18:00 CET, Monday to Friday.',
  'You can reset your password from the sign-in page under "Forgot password".',
  'Refunds are processed within 5–7 business days.',
  'Could you share your order number so I can look it up?',
  'Shipping to the EU is free for orders over €50.',
  'I am transferring you to our billing team now.',
  'Here is the link to our help centre: https://help.example.com/start',
  'We have received your request and will email you within 24 hours.',
  'Is there anything else I can help you with today? 😊',
  'Please clear your browser cache and try again.',
];

export function cannedContent(prng: Prng, index: number): string {
  const base = `${prng.pick(CANNED_OPENERS)} ${prng.pick(CANNED_BODIES)}`;
  if (index % 97 === 13) return `${base}\n\n${longText(prng)}`;
  // Past the template combinations, a suffix keeps every response distinct for search tests.
  return index < CANNED_OPENERS.length * 3 ? base : `${base} (ref ${index})`;
}

export const CANNED_CATEGORY_NAMES: readonly string[] = [
  'General',
  'Billing',
  'Shipping',
  'Technical',
  'Greetings / Begrüßung',
  'お知らせ',
  'Escalation',
];
