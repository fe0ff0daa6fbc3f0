import { encodeImage } from '../capture/encode';
import type { DrawMockPage } from './sample-study';

const WIDTH = 1280;
const HEIGHT = 800;

/** Draws a plain mock web page (header, heading, text, a form and a button) as a screenshot. */
export const drawMockPage: DrawMockPage = async ({ company, colour, heading, body }) => {
  const canvas = new OffscreenCanvas(WIDTH, HEIGHT);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw images off screen.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, WIDTH, HEIGHT);
  context.fillStyle = colour;
  context.fillRect(0, 0, WIDTH, 72);
  context.fillStyle = '#ffffff';
  context.font = 'bold 28px sans-serif';
  context.fillText(company, 40, 46);
  context.fillStyle = '#1d1f23';
  context.font = 'bold 40px sans-serif';
  context.fillText(heading, 120, 180);
  context.font = '22px sans-serif';
  context.fillStyle = '#5b616b';
  context.fillText(body || 'Lorem ipsum: the page as the persona saw it.', 120, 230);
  for (let i = 0; i < 3; i++) {
    context.strokeStyle = '#c8ccd2';
    context.lineWidth = 2;
    context.strokeRect(120, 290 + i * 90, 520, 52);
  }
  context.fillStyle = colour;
  context.fillRect(120, 580, 220, 60);
  context.fillStyle = '#ffffff';
  context.font = 'bold 24px sans-serif';
  context.fillText('Continue', 170, 619);
  return encodeImage(canvas, 1);
};
