import { expect, test } from './fixtures';
import { Dashboard } from './pages/Dashboard';

test('privacy settings set in the side panel are the study’s: its dashboard page shows them, and a removal can be undone', async ({
  session,
  panel,
  shop,
}) => {
  await panel.createStudy('Account pages', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Ada', 'Buys with her own card', ['Check her order']);
  await panel.startJourney('Order confirmation', 'Place a real order and check the account page');

  const inPanel = await panel.privacySettings();
  await inPanel.switch('Mask all text').check();
  await inPanel.switch('Hide images and media').check();
  await inPanel.addAlwaysMask('/(unclosed/');
  await expect(inPanel.entryField).toHaveAccessibleDescription(/^Not a valid pattern/);
  expect(await inPanel.alwaysMasked()).toEqual([]);
  await inPanel.addAlwaysMask('  Ada Lovelace ');
  await expect.poll(() => inPanel.alwaysMasked()).toEqual(['Ada Lovelace']);
  await expect(inPanel.entryField).toHaveValue('');

  const dashboard = await Dashboard.open(session);
  await dashboard.openStudy('Account pages');
  const onStudyPage = await dashboard.privacySettings();
  await expect(onStudyPage.switch('Mask all text')).toBeChecked();
  await expect(onStudyPage.switch('Hide images and media')).toBeChecked();
  expect(await onStudyPage.alwaysMasked()).toEqual(['Ada Lovelace']);

  // Removed on the study page: gone from the side panel too, and back in both after "Undo".
  await onStudyPage.removeAlwaysMask('Ada Lovelace');
  await expect.poll(() => onStudyPage.alwaysMasked()).toEqual([]);
  await expect.poll(() => inPanel.alwaysMasked()).toEqual([]);
  await dashboard.undo();
  await expect.poll(() => onStudyPage.alwaysMasked()).toEqual(['Ada Lovelace']);
  await expect.poll(() => inPanel.alwaysMasked()).toEqual(['Ada Lovelace']);
});
