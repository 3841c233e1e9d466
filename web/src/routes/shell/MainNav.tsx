import { NavLink, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { navItemsFor } from '../../lib/navigation';
import { useMe } from '../../lib/me';

type AnchorNavLinkProps = NavLinkProps & Omit<ComponentPropsWithoutRef<'a'>, keyof NavLinkProps>;

const AnchorNavLink = forwardRef<HTMLAnchorElement, AnchorNavLinkProps>((props, ref) => (
  <NavLink component="a" ref={ref} {...props} />
));
AnchorNavLink.displayName = 'AnchorNavLink';

/** Mantine NavLink driven by the router: aria-current="page" and highlight on the current page. */
const RouterNavLink = createLink(AnchorNavLink);

/** The menu entries this user's roles allow; rendered inside AppShell.Navbar (<nav aria-label="メインメニュー">). */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const me = useMe();
  return (
    <>
      {navItemsFor(me.user.roles).map((item) => (
        <RouterNavLink
          key={item.to}
          to={item.to}
          label={item.label}
          activeOptions={{ exact: item.to === '/' }}
          activeProps={{ active: true }}
          onClick={onNavigate}
        />
      ))}
    </>
  );
}
