// The two languages every text a person reads comes in: Bahasa Indonesia first, English beside it.
export type Language = 'id' | 'en';
