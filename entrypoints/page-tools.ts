import { createPageTools } from '@/lib/page-agent/page-tools';
import { offerPageTools } from '@/lib/page-agent/page-tools-contract';

// The element picker and the full-page scroller, injected by the background just before it asks
// the page agent for a pick or a full page (lib/page-agent/page-tools-contract.ts).
export default defineUnlistedScript(() => offerPageTools(createPageTools));
