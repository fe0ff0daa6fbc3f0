import { z } from 'zod';
import { exportedScreenshot, journey, persona, study, touchpoint } from '../model';

export const EXPORT_FORMAT = 'touchtrail';
export const EXPORT_VERSION = 1;

/** The Touchtrail JSON export, version 1: everything needed to rebuild the exported journeys. */
export const exportFile = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.iso.datetime(),
    scope: z.enum(['journey', 'study']),
    study,
    personas: z.array(persona),
    journeys: z.array(journey),
    touchpoints: z.array(touchpoint),
    screenshots: z.array(exportedScreenshot),
  })
  .meta({
    title: 'Touchtrail export',
    description:
      'A study with its personas, journeys, touchpoints and screenshots (base64), as exported by Touchtrail.',
  });

export type ExportFile = z.infer<typeof exportFile>;

/** A file inside a bundle: screenshots/ or thumbnails/, a plain name, nothing that climbs out. */
export const bundlePath = z
  .string()
  .regex(/^(screenshots|thumbnails)\/[a-z0-9][a-z0-9._-]*$/, 'Not a file of this bundle');

/** touchtrail.json inside a bundle (.zip): the same export, screenshots as files of the bundle. */
export const bundleManifest = exportFile.extend({
  screenshots: z.array(z.object({ ...exportedScreenshot.shape, image: bundlePath, thumbnail: bundlePath })),
});

export type BundleManifest = z.infer<typeof bundleManifest>;
