// Short private guides a member opens with `/guide <topic>`: a few steps and example phrases (English).
//
// This file defines the Guide shape and the topic list; pl/guides.ts must satisfy the same type, so a
// missing or extra topic fails the build. Markup is limited to *bold* and _italic_, which every
// renderer can map to its platform.
import { wordLookup } from '../lookup.js';

export interface Guide {
  title: string;
  intro: string;
  steps: string[];
  /** Example sentences a therapist might say to a client. */
  phrases: string[];
  note?: string;
}

export const GUIDE_TOPICS = [
  'repair',
  'warning-signs',
  'micro-habits',
  'structure',
  'self-disclosure',
  'silence',
  'endings',
] as const;

export type GuideTopic = (typeof GUIDE_TOPICS)[number];

export const guidesEn: Record<GuideTopic, Guide> = {
  repair: {
    title: 'Repairing the alliance in five steps',
    intro: 'Tension in the relationship isn’t a failure — it’s information. Repair is a habit, not a one-off gesture.',
    steps: [
      '*Name* the tension calmly and without defending yourself: an observation, not an accusation.',
      '*Validate* the client’s feeling before you explain anything.',
      '*Ask* what would help more, and what has been too much or too little.',
      '*Agree* one small change together: pace, structure, the balance of talk and tasks.',
      '*Follow up* a session or two later to see whether the change is working.',
    ],
    phrases: [
      'I have a sense something didn’t sit right in our last conversation. Could we look at it together?',
      'It makes sense that this was frustrating.',
      'What has been too much in our work, and what has been missing?',
      'How about we slow down for the next few sessions, with fewer exercises?',
      'Coming back to what we talked about two weeks ago — how does the pace feel now?',
    ],
    note: 'If repair stalls, that’s a good thing to bring to supervision.',
  },

  'warning-signs': {
    title: 'Warning signs of a rupture',
    intro: 'Ruptures rarely start with open conflict. Usually something goes quiet first.',
    steps: [
      '*Early signs*: less eye contact, shorter answers, lateness, cancellations, “forgotten” homework, irony, a lot of “I don’t know”.',
      '*Later signs*: open frustration, cold silence, a different idea of the goal, pulling back from the work.',
      'Look for the source: diverging goals, an unmet need (wanting support, getting tasks), rushing past hard feelings, a pattern from other relationships replaying.',
      'Treat a sign as a _hypothesis_: check it with the client rather than interpreting it on your own.',
    ],
    phrases: [
      'I notice your answers have been shorter lately. How are our sessions feeling for you?',
      'A few of our sessions have fallen through. Has something changed in our work?',
      'If something about the way we work doesn’t fit, I’d really like to know.',
    ],
    note: 'One sign means little; a pattern that repeats is worth naming. See /guide repair.',
  },

  'micro-habits': {
    title: 'Micro-habits of the alliance',
    intro: 'Small, repeated moves that build the alliance in every session — before there’s a problem.',
    steps: [
      'A *mini-contract* at the start and every few sessions: the goal, the way, the effect you expect.',
      'A *mid-session check-in*: are we heading the right way?',
      'A little more curiosity than certainty.',
      'A *one-minute summary* at the end, and finishing on time, with empathy.',
      'A 30-second check after the session (/autocheck), and supervision as routine hygiene, not only in a crisis.',
    ],
    phrases: [
      'What would we like to work on today, and how will we know it’s helping?',
      'We’re about halfway. Is what we’re doing going the right way?',
      'I might be wrong, so let me ask: how does it look from the inside?',
      'Before we stop: in one sentence, what mattered most today?',
    ],
  },

  structure: {
    title: 'Structure: not too much, not too little',
    intro: 'Too much structure can feel like control; too little can feel aimless. Good structure is shared and flexible.',
    steps: [
      'Set the frame early: why you meet, what you do in sessions, how you’ll both know it’s working.',
      'Watch the response: withdrawal and short answers may mean _too tight_; “what’s the point?” may mean _too loose_.',
      'Offer changes of format and ask for consent, rather than announcing them.',
      'Check the balance of talk and tasks with the client every few sessions.',
    ],
    phrases: [
      'I have an idea for an exercise. Let me say first what it’s for, and then we can decide together whether to try it.',
      'Would today be better for open conversation, or for a concrete plan?',
      'Does this pace work, or should we change something?',
    ],
  },

  'self-disclosure': {
    title: 'Self-disclosure',
    intro: 'Speaking about yourself helps only when it is brief and for the client.',
    steps: [
      'Before you share, ask yourself: *who is this for?*',
      'Keep it short — a sentence or two.',
      'Hand the space straight back to the client’s experience.',
      'Watch the response. If the conversation has turned towards you, name it and turn it back.',
    ],
    phrases: [
      'I know moments of doubt like that too. What is it like now, as we talk about it?',
      'Hearing this, I feel sad. What’s happening inside right now?',
      'I’ll answer briefly, and then I’d like to come back to where the question came from.',
    ],
    note: 'A strong pull to say more about yourself is worth taking to supervision.',
  },

  silence: {
    title: 'Silence as a tool',
    intro: 'Silence can give a feeling room to land — or be felt as coldness or punishment. A named purpose and consent make the difference.',
    steps: [
      'Name what the silence is for before you suggest it.',
      'Offer it rather than announce it, and leave room for a _no_.',
      'Watch: is this a silence where something is happening, or a tense one?',
      'Afterwards, ask what the silence was like.',
    ],
    phrases: [
      'Shall we pause for a moment in silence, so this can settle? Is that all right?',
      'We don’t have to say anything straight away. If the quiet gets uncomfortable, just let me know.',
      'What was it like in that silence?',
    ],
    note: 'A long silence announced one-sidedly can break the alliance, even when its purpose is good.',
  },

  endings: {
    title: 'Endings',
    intro: 'How a session ends — and how a therapy ends — stays with the client for a long time.',
    steps: [
      'Leave a minute for a summary: what mattered today, what comes next.',
      'Finish on time, with empathy — even when the topic is hot.',
      'Don’t open new threads or transference interpretations in the last minutes; note them for next time.',
      'Plan the end of therapy together, against the goals agreed at the start or along the way.',
      'When someone ends by message, reply warmly and leave the door open.',
    ],
    phrases: [
      'We have three minutes left. What from today is worth taking with you?',
      'I can see this matters, and it’s hard to stop here. Let’s start with it next time.',
      'Let’s go back to the goals from the beginning: what has changed, and what is still there?',
      'Thank you for letting me know. I respect the decision; if you ever want to talk, the door is open.',
    ],
  },
};

/**
 * Words a member may type after `/guide`, in English or Polish. Keys may carry diacritics; lookup
 * folds case and diacritics, and turns spaces into hyphens ("sygnały ostrzegawcze" works).
 */
export const GUIDE_ALIASES: Record<string, GuideTopic> = {
  repair: 'repair', repairs: 'repair', naprawa: 'repair', naprawianie: 'repair', 'naprawa-sojuszu': 'repair',
  'warning-signs': 'warning-signs', warnings: 'warning-signs', signs: 'warning-signs', 'warning-signals': 'warning-signs',
  'sygnały': 'warning-signs', sygnaly: 'warning-signs', 'sygnały-ostrzegawcze': 'warning-signs',
  'ostrzeżenia': 'warning-signs', ostrzezenia: 'warning-signs', zerwania: 'warning-signs', ruptures: 'warning-signs',
  'pęknięcia': 'warning-signs', 'pęknięcie': 'warning-signs',
  'micro-habits': 'micro-habits', microhabits: 'micro-habits', habits: 'micro-habits',
  mikronawyki: 'micro-habits', 'mikro-nawyki': 'micro-habits', nawyki: 'micro-habits',
  structure: 'structure', struktura: 'structure', rama: 'structure', frame: 'structure',
  'self-disclosure': 'self-disclosure', disclosure: 'self-disclosure', ujawnianie: 'self-disclosure',
  'ujawnianie-siebie': 'self-disclosure', samoujawnianie: 'self-disclosure',
  silence: 'silence', cisza: 'silence', milczenie: 'silence',
  endings: 'endings', ending: 'endings', 'zakończenie': 'endings', zakonczenie: 'endings',
  'zakończenia': 'endings', zakonczenia: 'endings', koniec: 'endings', 'kończenie': 'endings', konczenie: 'endings',
};

const lookupTopic = wordLookup(GUIDE_TOPICS, GUIDE_ALIASES);

export function parseGuideTopic(word: string): GuideTopic | undefined {
  return lookupTopic(word);
}
