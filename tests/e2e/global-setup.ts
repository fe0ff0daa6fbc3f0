import { prepareGrantedBuild } from './support/browser';

export default async function globalSetup() {
  await prepareGrantedBuild();
}
