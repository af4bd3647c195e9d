// A button that opens a menu on click (antd Dropdown), whose Dropdown and Menu code load
// at the first click: on the sign-in page (the language) they were ≈ 19 KB gzip of a
// first load that never opens them. Until that code is there the button stays as it is.
import { cloneElement, lazy, Suspense, useState, type ReactElement } from 'react';
import type { MenuProps } from 'antd';

const Dropdown = lazy(() => import('antd/es/dropdown'));

export function MenuButton({ menu, children }: { menu: MenuProps; children: ReactElement<{ onClick?: () => void }> }) {
  const [used, setUsed] = useState(false);
  const [open, setOpen] = useState(false);
  if (!used) {
    const first = () => {
      setUsed(true);
      setOpen(true);
    };
    return cloneElement(children, { onClick: first });
  }
  return (
    <Suspense fallback={children}>
      <Dropdown
        trigger={['click']}
        open={open}
        onOpenChange={setOpen}
        menu={{
          ...menu,
          onClick: (info) => {
            setOpen(false);
            menu.onClick?.(info);
          },
        }}
      >
        {children}
      </Dropdown>
    </Suspense>
  );
}
