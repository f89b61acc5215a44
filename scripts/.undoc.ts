import { isObjectType, isInterfaceType, isInputObjectType, isEnumType, isScalarType, isUnionType } from 'graphql';
import { schema } from '../src/graphql/schema.ts';
const missing: string[] = [];
for (const type of Object.values(schema.getTypeMap())) {
  if (type.name.startsWith('__')) continue;
  if (isScalarType(type) && ['String','Int','Float','Boolean','ID'].includes(type.name)) continue;
  if (!type.description) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    for (const f of Object.values(type.getFields())) { if (!f.description) missing.push(`${type.name}.${f.name}`);
      if ('args' in f) for (const a of f.args) if (!a.description) missing.push(`${type.name}.${f.name}(${a.name})`); }
  }
  if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
}
console.log(missing.length); console.log(missing.join('\n'));
