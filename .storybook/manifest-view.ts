// Storybook files a component's members, attributes, slots and parts in one table keyed by name, so a
// part or slot named like an attribute (`headline`, `image`, `excerpt`, `tags`) replaced the attribute's
// control with a JSON one under "CSS shadow parts", and `pageSize` appeared again as `page-size`.
// Here the docs get a view of the manifest where each name is unique: one row per property (the stories'
// args are property names, and the row says its attribute), slots as `slot="…"`, parts as `::part(…)`.

interface Item {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
  kind?: string;
  static?: boolean;
  privacy?: string;
  attribute?: string;
  fieldName?: string;
}

interface Declaration {
  tagName?: string;
  members?: Item[];
  attributes?: Item[];
  slots?: Item[];
  cssParts?: Item[];
}

interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

export function manifestForDocs<M>(manifest: M): M {
  const copy = structuredClone(manifest) as Manifest;
  for (const declaration of copy.modules.flatMap((module) => module.declarations ?? [])) {
    if (!declaration.tagName) continue;
    const attributes = declaration.attributes ?? [];
    declaration.members = (declaration.members ?? [])
      .filter((member) => member.kind === 'field' && !member.static && member.privacy !== 'private' && member.privacy !== 'protected')
      .map((member) => {
        const attribute = attributes.find((candidate) => candidate.fieldName === member.name);
        const named = attribute && attribute.name !== member.name ? ` (attribute \`${attribute.name}\`)` : '';
        return { ...member, description: `${member.description ?? ''}${named}` };
      });
    // Attributes without a property of their own stay; the others are their property's row.
    declaration.attributes = attributes.filter((attribute) => !declaration.members!.some((member) => member.name === attribute.fieldName));
    declaration.slots = (declaration.slots ?? []).map((slot) => ({ ...slot, name: slot.name ? `slot="${slot.name}"` : '(default slot)' }));
    declaration.cssParts = (declaration.cssParts ?? []).map((part) => ({ ...part, name: `::part(${part.name})` }));
  }
  return copy as M;
}

/** A control for each property from its type: numbers, booleans, and a choice for a union of literals. */
export function controlFor(type: string | undefined): Record<string, unknown> | undefined {
  if (!type) return undefined;
  const parts = type.split('|').map((part) => part.trim()).filter((part) => part !== 'undefined');
  if (parts.length === 1 && parts[0] === 'number') return { control: 'number' };
  if (parts.length === 1 && parts[0] === 'boolean') return { control: 'boolean' };
  if (parts.length === 1 && parts[0] === 'string') return { control: 'text' };
  if (parts.length > 0 && parts.every((part) => /^'[^']*'$/.test(part))) {
    const options = parts.map((part) => part.slice(1, -1));
    return { control: options.length <= 4 ? 'inline-radio' : 'select', options: type.includes('undefined') ? [undefined, ...options] : options };
  }
  return undefined;
}
