import { walkthrough } from './walkthrough.js';

console.log('Kuaiban 快办: the working-day calendar, step by step');
walkthrough((line) => console.log(line));
