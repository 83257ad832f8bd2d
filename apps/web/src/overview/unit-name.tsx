import { useEffect, useState } from 'react';
import type { Client } from '../api/client';
import { useApp } from '../shell/app-context';

// Unit names change rarely; one request per code and session is enough.
const names = new Map<string, Promise<string>>();

function nameOf(client: Client, code: string): Promise<string> {
  let p = names.get(code);
  if (!p) {
    p = client.unit(code).then(
      (u) => u.name,
      () => code,
    );
    names.set(code, p);
  }
  return p;
}

/** "Huyện Phong Thổ (PHONG-THO)", or the code alone until (or unless) the name is known. */
export function UnitName({ code }: { code: string }) {
  const { client } = useApp();
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (code) void nameOf(client, code).then((n) => live && setName(n));
    return () => {
      live = false;
    };
  }, [client, code]);
  if (!code) return <>—</>;
  return <>{name && name !== code ? `${name} (${code})` : code}</>;
}
