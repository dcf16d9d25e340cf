// Proposal texts use the one renderer of what people write (src/lib/markdown.ts).
export { renderUserMarkdown as renderProposalMarkdown } from '@/lib/markdown';
